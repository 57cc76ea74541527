// STAND-IN for NVIDIA's nvidia-smi: no GPU exists on dev/CI machines; prints the real CSV format.
//
// It answers the calls Rigmark makes, as nvidia-smi 550 does on one RTX 4090:
//   nvidia-smi                                          banner table (driver 550.54.14, CUDA 12.4)
//   nvidia-smi --query-gpu=<fields> --format=csv[,noheader][,nounits] [-i N] [-lms MS | -l S]
//   nvidia-smi --query-compute-apps=<fields> --format=csv,noheader,nounits
// Loop mode prints one line per interval with varying readings (power, temperature, clocks, utilisation) and the
// clock-event mask 0x0000000000000004 (sw_power_cap) on every third line, until it is killed.
// RIGMARK_STAND_IN_SCENARIO selects other real behaviours:
//   busy            one other CUDA process holds the GPU (compute-apps lists it)
//   driver-failure  the driver is not loaded (real message, exit 9)
//   legacy-driver   a pre-R535 driver: rejects compute_cap and clocks_event_reasons.active like the real tool
'use strict';

const scenario = process.env.RIGMARK_STAND_IN_SCENARIO || 'default';
const args = process.argv.slice(2);

const STATIC = {
  index: '0',
  name: 'NVIDIA GeForce RTX 4090',
  'memory.total': '24564',
  driver_version: '550.54.14',
  'pci.bus_id': '00000000:01:00.0',
  compute_cap: '8.9',
  'power.limit': '450.00',
  'clocks.max.sm': '3120',
  'clocks.max.mem': '10501',
};
const UNITS = {
  'memory.total': 'MiB',
  'memory.used': 'MiB',
  'power.limit': 'W',
  'power.draw': 'W',
  'clocks.max.sm': 'MHz',
  'clocks.max.mem': 'MHz',
  'clocks.sm': 'MHz',
  'clocks.mem': 'MHz',
  'utilization.gpu': '%',
  used_memory: 'MiB',
};
const LEGACY_UNKNOWN = new Set(['compute_cap', 'clocks_event_reasons.active']);

function option(short, long) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === short || a === long) return args[i + 1];
    if (long && a.startsWith(`${long}=`)) return a.slice(long.length + 1);
  }
  return undefined;
}

function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

function timestamp(d = new Date()) {
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Readings of sample n under load: deterministic, varying, plausible for an RTX 4090 running llama.cpp. */
function dynamicValues(n) {
  const isPowerCapped = n % 3 === 2;
  return {
    timestamp: timestamp(),
    'power.draw': (isPowerCapped ? 449.12 : 380 + 40 * Math.sin(n / 2)).toFixed(2),
    'temperature.gpu': String(61 + (n % 7)),
    'clocks.sm': String(isPowerCapped ? 2610 : 2745),
    'clocks.mem': '10501',
    'utilization.gpu': String(97 + (n % 4)),
    'memory.used': String(18432 + (n % 5) * 16),
    'clocks_event_reasons.active': isPowerCapped ? '0x0000000000000004' : '0x0000000000000000',
    'clocks_throttle_reasons.active': isPowerCapped ? '0x0000000000000004' : '0x0000000000000000',
  };
}

function fail(message, code) {
  process.stdout.write(`${message}\n`);
  process.exit(code);
}

function formatRow(fields, values, withUnits) {
  return fields
    .map((f) => {
      const v = values[f];
      if (v === undefined) return '[N/A]';
      return withUnits && UNITS[f] ? `${v} ${UNITS[f]}` : v;
    })
    .join(', ');
}

function queryGpu(spec, format) {
  const fields = spec.split(',');
  for (const f of fields) {
    const known = f in STATIC || f in dynamicValues(0);
    if (!known || (scenario === 'legacy-driver' && LEGACY_UNKNOWN.has(f))) fail(`Field "${f}" is not a valid field to query.\n`, 2);
  }
  const withUnits = !format.includes('nounits');
  if (!format.includes('noheader')) {
    process.stdout.write(`${fields.map((f) => (withUnits && UNITS[f] ? `${f} [${UNITS[f]}]` : f)).join(', ')}\n`);
  }
  const id = option('-i', '--id');
  if (id !== undefined && id !== '0') fail('No devices were found', 6);
  const loopMs = option('-lms', '--loop-ms');
  const loopS = option('-l', '--loop');
  const intervalMs = loopMs !== undefined ? Number(loopMs) : loopS !== undefined ? Number(loopS) * 1000 : null;
  let n = 0;
  const printOne = () => {
    process.stdout.write(`${formatRow(fields, { ...STATIC, ...dynamicValues(n) }, withUnits)}\n`);
    n += 1;
  };
  printOne();
  if (intervalMs !== null) setInterval(printOne, Math.max(1, intervalMs));
}

function queryComputeApps(spec) {
  if (scenario !== 'busy') return;
  const values = { pid: '4242', process_name: '/usr/bin/python3', used_memory: '20480', gpu_uuid: 'GPU-5f3a9c1e-7b2d-4e8a-9c61-0d2f4b7a8e13' };
  process.stdout.write(`${formatRow(spec.split(','), values, false)}\n`);
}

function banner() {
  // ctime(3) layout, as nvidia-smi prints it: "Tue May 14 10:22:31 2024".
  const [dow, mon, day, year, time] = new Date().toString().split(' ');
  const now = `${dow} ${mon} ${day} ${time} ${year}`;
  process.stdout.write(`${now}       
+-----------------------------------------------------------------------------------------+
| NVIDIA-SMI 550.54.14              Driver Version: 550.54.14      CUDA Version: 12.4     |
|-----------------------------------------+------------------------+----------------------+
| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |
| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |
|                                         |                        |               MIG M. |
|=========================================+========================+======================|
|   0  NVIDIA GeForce RTX 4090        Off |   00000000:01:00.0  On |                  Off |
|  0%   38C    P8             23W /  450W |     512MiB /  24564MiB |      2%      Default |
|                                         |                        |                  N/A |
+-----------------------------------------+------------------------+----------------------+
                                                                                         
+-----------------------------------------------------------------------------------------+
| Processes:                                                                              |
|  GPU   GI   CI        PID   Type   Process name                              GPU Memory |
|        ID   ID                                                               Usage      |
|=========================================================================================|
|  No running processes found                                                             |
+-----------------------------------------------------------------------------------------+
`);
}

process.stdout.on('error', () => process.exit(0));

if (scenario === 'driver-failure') {
  fail(
    "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n",
    9,
  );
}
const gpuQuery = args.find((a) => a.startsWith('--query-gpu='));
const appsQuery = args.find((a) => a.startsWith('--query-compute-apps='));
const format = (args.find((a) => a.startsWith('--format=')) || '--format=csv').slice('--format='.length);
if (gpuQuery) queryGpu(gpuQuery.slice('--query-gpu='.length), format);
else if (appsQuery) queryComputeApps(appsQuery.slice('--query-compute-apps='.length));
else if (args.length === 0) banner();
else fail(`Invalid combination of input arguments. Please run 'nvidia-smi -h' for help.\n`, 2);
