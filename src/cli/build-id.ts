/**
 * The build that is running, for what a run keeps for the next one (the office name index, see
 * store-access.ts): scripts/build.ts writes a new id here at every build. Code run from source has
 * none, so it keeps nothing: it may change between two runs without anything to tell them apart.
 */
export const BUILD_ID: string | undefined = undefined;
