export { catalogRowVersions } from "./row-versions";
