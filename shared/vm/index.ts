/** The QEMU launcher: boot an image, watch its console, get a verdict. */
export { boot, interpretOutcome, qemuVersion, AbortError } from './launch.ts';
export { defaultAppend, serialConsole, qemuBinary, qemuArgs, FIRMWARE } from './qemu-command.ts';
export { chooseAccel, probeKvm, hostArch, type AccelDecision } from './accel.ts';
export { hashChain, type HashedLink } from './overlay.ts';
export { readBackingChain, type BackingRules, type ChainLink } from './backing-chain.ts';
export { cleanLine, ConsoleWatcher } from './console.ts';
export type * from './types.ts';
