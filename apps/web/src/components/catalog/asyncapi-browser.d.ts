// Types for the UMD browser build of @asyncapi/react-component (same component as the ESM entry).
declare module "@asyncapi/react-component/browser/index.js" {
  export { default } from "@asyncapi/react-component";
}
