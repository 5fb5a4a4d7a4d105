// 24-hex object ids shaped like MongoDB ObjectIds (4-byte seconds, 5 random bytes, 3-byte
// counter), so they sort by creation time like Kustomer's.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../http-kit/index.js';

export const OBJECT_ID = /^[0-9a-f]{24}$/i;

export class IdGenerator {
  private counter = randomBytes(3).readUIntBE(0, 3);
  private readonly machine = randomBytes(5).toString('hex');
  constructor(private readonly clock: Clock) {}

  next(): string {
    this.counter = (this.counter + 1) % 0x1000000;
    const secs = Math.floor(this.clock.now() / 1000) >>> 0;
    return secs.toString(16).padStart(8, '0') + this.machine + this.counter.toString(16).padStart(6, '0');
  }
}
