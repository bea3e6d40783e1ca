/** boot-verify's post step: no QEMU outlives the job, whatever ended it. */
import { runQemuPost } from '../qemu-post.ts';

await runQemuPost('boot-verify');
