import { hashTagOf } from "./queue-names.js";

/** Redis Cluster's 16384 hash slots. */
export const CLUSTER_SLOTS = 16_384;

const TABLE = (() => {
  // CRC16-CCITT (XMODEM): polynomial 0x1021, initial value 0, as Redis Cluster uses for key slots.
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[byte] = crc;
  }
  return table;
})();

/**
 * The Redis Cluster slot of a key: CRC16 of its hash tag (see
 * {@link hashTagOf}) modulo 16384, as `CLUSTER KEYSLOT` computes it.
 *
 * @example
 * clusterSlot("{kyocho:lending}:lending:wait") === clusterSlot("kyocho:lending") // true
 * clusterSlot("123456789") // 12739
 */
export function clusterSlot(key: string): number {
  let crc = 0;
  for (const byte of Buffer.from(hashTagOf(key), "utf8")) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ byte) & 0xff]!;
  return crc % CLUSTER_SLOTS;
}
