/** Worker thread of `annexes check`: checks the files it is sent, one at a time. */
import { parentPort } from 'worker_threads';
import { checkFile } from './check-file';
import { type CheckJob, type CheckJobResult, overridesFromWire } from './check-job';

const port = parentPort;
if (port) {
  port.on('message', (job: CheckJob) => {
    // checkFile turns every failure into an "unreadable" result: a reply always comes back.
    void checkFile(job.target, overridesFromWire(job.overrides), job.maxFileBytes, job.maxUncompressedBytes, { summary: job.summary }).then((result) => {
      const reply: CheckJobResult = { index: job.index, result };
      port.postMessage(reply);
    });
  });
  // Modules loaded: the pool may send files (a worker that dies before this blames no file).
  port.postMessage({ ready: true });
}
