import config from "@greenroom/config/eslint";

export default config;
