/** @kyocho/core/calculation — arithmetic the experts share. */
export { stableRatio } from "./stable-ratio.js";
