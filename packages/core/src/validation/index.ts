/** @kyocho/core/validation — reading and validating data files with messages that name the field path. */
export { formatPath, describeFirstIssue } from "./format-issues.js";
export { parseWith } from "./parse-with.js";
export { readDataFile, readTextFile, parseDataText } from "./read-data-file.js";
export { NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE, printable, printableDeep } from "./control-characters.js";
