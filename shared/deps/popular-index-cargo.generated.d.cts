/**
 * The module scripts/precompile-popular-index.ts writes beside the compiled
 * sources at bundle time (the popular cargo names' index, serialised); a source
 * tree has no such file (see ./typosquat.ts).
 */
import type { SerializedPopularIndex } from './typosquat.ts';
declare const index: SerializedPopularIndex;
export = index;
