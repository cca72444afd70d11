-- Catalog reads at 100k entities (bench/catalog.ts):
--
-- 1. Facet sidebar: the top values of each facet come off an index in order
--    (tenant, kind, facet, count DESC, value), so the sidebar reads ~100 index entries per facet
--    instead of ranking every value (8,800 owner/system values at 100k entities: 24 ms).
--
-- 2. Search: typo tolerance and prefixes through a per-tenant vocabulary (catalog_search.words:
--    the distinct words of the tenant's search documents, kept by the write engine beside the
--    documents). A query word that is not in the vocabulary becomes the vocabulary words it
--    starts (btree range) and its nearest vocabulary words (trigram KNN over thousands of words,
--    not 100k names); documents are then matched by exact words through the tsvector GIN index
--    (no ':*' prefixes: "team:*" expands to every "team-…" compound, 15 ms), and names by prefix
--    through a btree. The GiST KNN over every name (20261122030000_search_knn: 30-300 ms per
--    query at 100k entities) goes.
--
-- catalog_search.* stays out of Prisma's view (trigram/tsvector indexes and the SECURITY DEFINER
-- function are beyond its schema language); catalog_facet_counts' new index is in schema.prisma.

-- CreateIndex
CREATE INDEX "catalog_facet_counts_tenant_id_kind_facet_count_value_idx" ON "catalog_facet_counts"("tenant_id", "kind", "facet", "count" DESC, "value");

-- ---- search vocabulary ----
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch SCHEMA catalog_search;

-- Small per tenant (thousands of words at 100k entities), so not partitioned, like
-- catalog_facet_counts. `documents` counts the search documents holding the word; a word
-- leaves when it reaches zero.
-- Byte order ("C"), so that the words a prefix starts are one range of the primary key.
CREATE TABLE catalog_search.words (
  tenant_id uuid NOT NULL,
  word text COLLATE "C" NOT NULL,
  documents integer NOT NULL,
  PRIMARY KEY (tenant_id, word)
);
CREATE INDEX words_trgm_knn ON catalog_search.words USING gist (tenant_id, word catalog_search.gist_trgm_ops);

ALTER TABLE catalog_search.words ENABLE ROW LEVEL SECURITY;
ALTER TABLE catalog_search.words FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON catalog_search.words
  USING (tenant_id = public.app_current_tenant()) WITH CHECK (tenant_id = public.app_current_tenant());

GRANT SELECT, INSERT, UPDATE, DELETE ON catalog_search.words TO greenroom_app;
GRANT SELECT ON catalog_search.words TO greenroom_search;

-- Name prefixes in name order (typeahead: "ledg" → ledger, ledger-1, …), one btree range. Byte
-- order ("C") so that a prefix is a plain range, whatever the database's collation.
CREATE INDEX search_documents_name_prefix ON catalog_search.documents (tenant_id, (lower(name) COLLATE "C"));
DROP INDEX catalog_search.search_documents_name_knn;

-- The words a document contributes: the alphanumeric lexemes of its tsvector (compounds such
-- as "payments-gateway" also yield their parts), 3 to 40 characters, not all digits. The write
-- engine calls this too (packages/db/src/repos/catalog-writes.ts), so the rule lives here once.
CREATE FUNCTION catalog_search.vocabulary_of(tsv tsvector) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT word FROM unnest(tsvector_to_array(tsv)) AS word
  WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[[:alnum:]]+$' AND word ~ '[[:alpha:]]'
$fn$;
GRANT EXECUTE ON FUNCTION catalog_search.vocabulary_of(tsvector) TO greenroom_app, greenroom_search;

-- Backfill the vocabulary of catalogs written before this table existed, one tenant at a time
-- with that tenant set (the owner is bound by FORCE RLS too).
DO $$
DECLARE tenant uuid;
BEGIN
  FOR tenant IN SELECT id FROM organizations LOOP
    PERFORM set_config('app.tenant_id', tenant::text, true);
    INSERT INTO catalog_search.words (tenant_id, word, documents)
    SELECT tenant, w.word, count(*)::int
    FROM catalog_search.documents d, catalog_search.vocabulary_of(d.tsv) AS w(word)
    WHERE d.tenant_id = tenant
    GROUP BY w.word;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END $$;

-- ---- the search function (same signature and result; tenant from the transaction only) ----
CREATE OR REPLACE FUNCTION catalog_search.search(query text, max_results integer DEFAULT 20)
RETURNS TABLE (entity_id uuid, ref text, kind text, name text, title text, description text, score real)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = catalog_search, pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
  tenant uuid := public.app_current_tenant();
  phrase text := lower(btrim(left(query, 200)));
  query_words text[];
  query_word text;
  alternatives text[];
  best text;
  all_terms text[] := '{}';
  any_terms text[] := '{}';
  corrected_words text[] := '{}';
  corrected text;
  matched tsquery;
  word_hits uuid[];
BEGIN
  IF tenant IS NULL OR phrase = '' THEN RETURN; END IF;
  -- The first six distinct words, in the order typed.
  query_words := ARRAY(
    SELECT w FROM (
      SELECT DISTINCT ON (t.w) t.w, t.position
      FROM regexp_split_to_table(phrase, '[^[:alnum:]]+') WITH ORDINALITY AS t(w, position)
      WHERE t.w <> '' ORDER BY t.w, t.position
    ) firsts ORDER BY position LIMIT 6);
  IF cardinality(query_words) = 0 THEN RETURN; END IF;

  -- Each word matches itself and the vocabulary words it starts ("paym" → payments, "payment"
  -- → payments). A word of four or more characters that is neither in the vocabulary nor the start
  -- of a vocabulary word also matches its nearest vocabulary words (typos), kept only above a
  -- similarity or edit-distance bar so that noise corrects to nothing. `best` is what the word
  -- most likely meant, for the name comparisons below: itself if known, else its commonest
  -- completion, else its closest correction.
  FOREACH query_word IN ARRAY query_words LOOP
    alternatives := ARRAY[query_word];
    best := CASE WHEN EXISTS (SELECT 1 FROM words v WHERE v.tenant_id = tenant AND v.word = query_word) THEN query_word END;
    IF length(query_word) >= 2 THEN
      SELECT alternatives || coalesce(array_agg(p.word), '{}'), coalesce(best, (array_agg(p.word ORDER BY p.documents DESC, p.word))[1])
        INTO alternatives, best
      FROM (
        SELECT v.word, v.documents FROM words v
        WHERE v.tenant_id = tenant AND v.word > query_word AND v.word < query_word || chr(1114111)
        ORDER BY v.word LIMIT 8
      ) p;
    END IF;
    IF best IS NULL AND length(query_word) >= 4 THEN
      SELECT alternatives || coalesce(array_agg(c.word), '{}'), (array_agg(c.word ORDER BY c.edits, c.similar DESC, c.documents DESC))[1]
        INTO alternatives, best
      FROM (
        SELECT v.word, v.documents, similarity(v.word, query_word) AS similar, levenshtein_less_equal(v.word, query_word, 3) AS edits
        FROM words v
        WHERE v.tenant_id = tenant
        ORDER BY v.word <-> query_word
        LIMIT 8
      ) c
      WHERE c.similar >= 0.3 OR c.edits <= 2;
    END IF;
    -- Alphanumeric words only (query words and vocabulary alike): quoted, they are valid tsquery text.
    all_terms := all_terms || ('(' || (SELECT string_agg(DISTINCT quote_literal(a), ' | ') FROM unnest(alternatives) a) || ')');
    any_terms := any_terms || all_terms[cardinality(all_terms)];
    corrected_words := corrected_words || coalesce(best, query_word);
  END LOOP;
  -- Names are hyphenated: "checkout gateway" and "chekout-gateway" both look for checkout-gateway.
  corrected := array_to_string(corrected_words, '-');

  -- Every word (or an alternative of it) must match; when no document has them all, any may.
  -- A common word matches thousands of documents equally: 100 of them are enough to rank.
  matched := array_to_string(all_terms, ' & ')::tsquery;
  word_hits := ARRAY(SELECT d.entity_id FROM documents d WHERE d.tenant_id = tenant AND d.tsv @@ matched LIMIT 100);
  IF cardinality(word_hits) = 0 AND cardinality(any_terms) > 1 THEN
    matched := array_to_string(any_terms, ' | ')::tsquery;
    word_hits := ARRAY(SELECT d.entity_id FROM documents d WHERE d.tenant_id = tenant AND d.tsv @@ matched LIMIT 100);
  END IF;

  -- Ranked among those and the names starting with the query as typed or as corrected (btree
  -- range in name order, so the shortest names of a family come first).
  RETURN QUERY
  WITH candidates AS (
    SELECT unnest(word_hits) AS entity_id
    UNION
    (SELECT d.entity_id FROM documents d
      WHERE d.tenant_id = tenant AND lower(d.name) COLLATE "C" >= phrase AND lower(d.name) COLLATE "C" < phrase || chr(1114111)
      ORDER BY lower(d.name) COLLATE "C" LIMIT 50)
    UNION
    (SELECT d.entity_id FROM documents d
      WHERE d.tenant_id = tenant AND lower(d.name) COLLATE "C" >= corrected AND lower(d.name) COLLATE "C" < corrected || chr(1114111)
      ORDER BY lower(d.name) COLLATE "C" LIMIT 50)
  )
  SELECT d.entity_id, d.ref, d.kind, d.name, d.title, d.description,
         (  ts_rank(d.tsv, matched)
          + CASE WHEN lower(d.name) IN (phrase, corrected) THEN 2 ELSE 0 END
          + CASE WHEN starts_with(lower(d.name), phrase) OR starts_with(lower(d.name), corrected) THEN 0.5 ELSE 0 END
          + similarity(lower(d.name), corrected))::real AS score
  FROM candidates c
  JOIN documents d ON d.tenant_id = tenant AND d.entity_id = c.entity_id
  ORDER BY score DESC, d.name
  LIMIT least(greatest(max_results, 1), 50);
END
$fn$;
