export { fetchUrlText, UrlReadError } from "./fetch-url";
export type { FetchUrlOptions } from "./fetch-url";
export { isPrivateAddress } from "./address-policy";
export { readLocation, DEFAULT_MAX_LOCATION_DEPTH, DEFAULT_MAX_LOCATION_FILES } from "./read-location";
export type { UrlReader, ReadLocationOptions, LocationReadResult } from "./read-location";
