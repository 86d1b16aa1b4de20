/**
 * host-local IPAM on one node's podCIDR: addresses from .2 upward (.1 is the bridge), the lowest free one
 * first, so the same sequence of pods gets the same addresses and released ones are reused.
 */
export class IpAllocator {
  private readonly base: number[];
  private readonly size: number;
  private used = new Set<number>();

  constructor(cidr: string) {
    const [addr, bits] = cidr.split('/');
    this.base = (addr ?? '10.244.0.0').split('.').map(Number);
    this.size = 2 ** (32 - Number(bits ?? 24));
  }

  /** The next free address, or undefined when the range is exhausted. */
  allocate(): string | undefined {
    for (let i = 2; i < this.size - 1; i++) {
      if (this.used.has(i)) continue;
      this.used.add(i);
      return this.format(i);
    }
    return undefined;
  }

  release(ip: string | undefined): void {
    if (!ip) return;
    const parts = ip.split('.').map(Number);
    const offset = ((parts[2]! - this.base[2]!) << 8) + (parts[3]! - this.base[3]!);
    this.used.delete(offset);
  }

  reset(): void {
    this.used.clear();
  }

  inUse(): number {
    return this.used.size;
  }

  private format(i: number): string {
    const n = ((this.base[0]! << 24) >>> 0) + (this.base[1]! << 16) + (this.base[2]! << 8) + this.base[3]! + i;
    return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  }
}
