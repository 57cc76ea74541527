// STAND-IN for AMD's rocm-smi: no GPU exists on dev/CI machines; prints the real --json format (ROCm 6.1).
//
// It answers the calls Rigmark makes, as rocm-smi does on one Radeon RX 7900 XTX:
//   rocm-smi --showproductname --showmeminfo vram --showdriverversion --showbus --showmaxpower --json
//     the low-power warning, then the JSON document (every value a string)
//   rocm-smi --showpower --showtemp --showuse --showmemuse --showclocks --showmeminfo vram --json
//     one telemetry document whose readings vary from call to call (a counter file in the OS temp dir would be
//     shared between tests, so the variation comes from the clock instead)
'use strict';

const args = process.argv.slice(2);
const has = (flag) => args.includes(flag);

if (!has('--json')) {
  process.stdout.write('Only --json output is provided by this stand-in\n');
  process.exit(2);
}

const card = {};
if (has('--showproductname')) {
  Object.assign(card, {
    'Card Series': 'Radeon RX 7900 XTX',
    'Card Model': '0x744c',
    'Card Vendor': 'Advanced Micro Devices, Inc. [AMD/ATI]',
    'Card SKU': 'EXT94262',
    'Subsystem ID': '0x5315',
    'Device Rev': '0xc8',
    'Node ID': '1',
    GUID: '45872',
    'GFX Version': 'gfx1100',
  });
}
const n = Math.floor(Date.now() / 100) % 10;
if (has('--showtemp')) {
  Object.assign(card, {
    'Temperature (Sensor edge) (C)': `${60 + n}.0`,
    'Temperature (Sensor junction) (C)': `${74 + n}.0`,
    'Temperature (Sensor memory) (C)': `${68 + (n % 3)}.0`,
  });
}
if (has('--showclocks')) {
  Object.assign(card, {
    'fclk clock speed:': '(1940Mhz)',
    'fclk clock level:': '1',
    'mclk clock speed:': '(1249Mhz)',
    'mclk clock level:': '3',
    'sclk clock speed:': `(${2400 + n * 10}Mhz)`,
    'sclk clock level:': '1',
    'socclk clock speed:': '(1200Mhz)',
    'socclk clock level:': '2',
  });
}
if (has('--showpower')) card['Average Graphics Package Power (W)'] = `${320 + n}.0`;
if (has('--showmaxpower')) card['Max Graphics Package Power (W)'] = '327.0';
if (has('--showuse')) Object.assign(card, { 'GPU use (%)': String(95 + (n % 5)), 'GFX Activity': '40283019' });
if (has('--showmemuse')) {
  Object.assign(card, { 'GPU Memory Allocated (VRAM%)': '71', 'GPU Memory Read/Write Activity (%)': 'N/A', 'Memory Activity': 'N/A', 'Avg. Memory Bandwidth': 'N/A' });
}
if (args.includes('vram')) Object.assign(card, { 'VRAM Total Memory (B)': '25753026560', 'VRAM Total Used Memory (B)': '18324070400' });
if (has('--showbus')) card['PCI Bus'] = '0000:03:00.0';

const doc = { card0: card };
if (has('--showdriverversion')) doc.system = { 'Driver version': '6.7.0' };
if (has('--showproductname')) {
  process.stdout.write('\n\nWARNING: AMD GPU device(s) is/are in a low-power state. Check power control/runtime_status\n\n');
}
process.stdout.write(`${JSON.stringify(doc).replace(/","/g, '", "').replace(/":"/g, '": "').replace(/":\{/g, '": {').replace(/\},"/g, '}, "')}\n`);
