/**
 * The build that is running, for what a run keeps for the next one (the office name index, see
 * store-access.ts): scripts/build.ts puts a module with a new id in this one's place in every build's
 * bundles (the file itself never changes). Code run from source has none, so it keeps nothing: it may
 * change between two runs without anything to tell them apart.
 */
export const BUILD_ID: string | undefined = undefined;
