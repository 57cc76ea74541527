/**
 * IEEE 754 half-precision and bfloat16 encoding. Node 20 has no `DataView.setFloat16` (it arrives in Node 24), so
 * the synthetic writer encodes its fp16 scales and F16/BF16 weights here.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Encodes a finite number as IEEE binary16 bits, rounding to nearest even; overflow saturates to ±65504. */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7bff; // never write Inf/NaN: clamp to the largest finite half
  const halfExp = exponent - 127 + 15;
  if (halfExp >= 0x1f) return sign | 0x7bff;
  if (halfExp <= 0) {
    if (halfExp < -10) return sign; // too small even for a subnormal
    const m = mantissa | 0x800000;
    const shift = 14 - halfExp;
    let half = m >>> shift;
    const rest = m & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && (half & 1) === 1)) half += 1;
    return sign | half;
  }
  let half = (halfExp << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1) === 1)) half += 1;
  if ((half & 0x7c00) === 0x7c00) return sign | 0x7bff;
  return sign | half;
}

/** Decodes IEEE binary16 bits to a number. */
export function float16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** Encodes a finite number as bfloat16 bits (the top half of its float32, rounded to nearest even). */
export function float32ToBfloat16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0] ?? 0;
  const rounded = bits + 0x7fff + ((bits >>> 16) & 1);
  return (rounded >>> 16) & 0xffff;
}
