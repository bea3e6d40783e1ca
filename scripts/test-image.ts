/** Builds the test image for both architectures into .cache/test-image/ (see test/support/test-image.ts). */
import { ensureTestImage, relativeToRepo } from '../test/support/test-image.ts';

for (const arch of ['x86_64', 'aarch64'] as const) {
  const image = await ensureTestImage(arch);
  console.log(`${arch}: ${relativeToRepo(image.rootfsTar)} (kernel ${image.kernelVersion})`);
}
