import { validate } from "@octokit/graphql-schema";
import { describe, expect, it } from "vitest";

import { filesQuery, MEMBERS_QUERY, REPO_QUERY, REPO_TEAMS_QUERY, REPOS_QUERY, teamPagesQuery, TEAMS_QUERY, VIEWER_QUERY } from "./queries";

// Every query the connector sends validates against GitHub's published schema (the simulator
// executes a subset of the same schema, so the sync tests also prove the subset serves them).
describe("the connector's GraphQL", () => {
  const queries = {
    REPOS_QUERY,
    REPO_QUERY,
    REPO_TEAMS_QUERY,
    TEAMS_QUERY,
    MEMBERS_QUERY,
    VIEWER_QUERY,
    teamPages: teamPagesQuery([
      { slug: "a", list: "members", cursor: "Y3Vyc29y" },
      { slug: "b", list: "repositories", cursor: "Y3Vyc29y" },
    ]).query,
    files: filesQuery([
      { owner: "acme", name: "one", expression: "main:catalog-info.yaml" },
      { owner: "acme", name: "two", expression: "HEAD:a/b.yaml" },
    ]).query,
  };
  for (const [name, query] of Object.entries(queries)) {
    it(`${name} is valid against api.github.com's schema`, () => {
      expect(validate(query).map((error) => error.message)).toEqual([]);
    });
  }
});
