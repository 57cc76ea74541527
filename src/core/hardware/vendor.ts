import type { GpuVendor } from '../../shared/domain/system';

/**
 * Classifies a GPU vendor from any text a tool gives (a vendor string, a PCI vendor name, a product name).
 * Order matters: "Apple" before the rest, because Apple-silicon names contain no other vendor.
 */
export function vendorFromText(...texts: (string | null | undefined)[]): GpuVendor {
  const text = texts.filter(Boolean).join(' ').toLowerCase();
  if (/\bapple\b|sppci_vendor_apple/.test(text)) return 'apple';
  if (/nvidia|geforce|quadro|tesla/.test(text)) return 'nvidia';
  if (/\bamd\b|advanced micro devices|\bati\b|radeon|instinct|sppci_vendor_amd/.test(text)) return 'amd';
  if (/intel/.test(text)) return 'intel';
  return 'other';
}
