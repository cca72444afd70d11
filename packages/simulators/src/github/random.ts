// The seeded PRNG moved to ../shared/random.ts (every vendor's seed and fault injection use it);
// GitHub's modules keep importing it from here.
export { Random, hashString } from "../shared/random";
