// Compiles a contract of contracts/ with solc-js (the npm `solc` compiler, no native binary). Loading the compiler
// takes seconds, so the output is cached in node_modules/.cache (a new `npm ci` clears it), keyed by the source, the
// compiler version and the settings.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Pinned so that the bytecode (and its check after deployment) does not depend on the compiler's defaults.
const SETTINGS = Object.freeze({
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } },
});

/** { abi, bytecode, deployedBytecode, methodIdentifiers, compiler } of contracts/NAME.sol's contract NAME. */
export function compile(name) {
  const file = `${name}.sol`;
  const source = fs.readFileSync(path.join(ROOT, 'contracts', file), 'utf8');
  const version = JSON.parse(fs.readFileSync(require.resolve('solc/package.json'), 'utf8')).version;
  const key = crypto.createHash('sha256').update(JSON.stringify([source, version, SETTINGS])).digest('hex').slice(0, 16);
  const cacheDir = path.join(ROOT, 'node_modules', '.cache', 'openwaas-devchain');
  const cached = path.join(cacheDir, `${name}-${key}.json`);
  if (fs.existsSync(cached)) {
    return JSON.parse(fs.readFileSync(cached, 'utf8'));
  }
  const solc = require('solc');
  const input = { language: 'Solidity', sources: { [file]: { content: source } }, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const problems = output.errors || [];
  for (const p of problems.filter((e) => e.severity !== 'error')) {
    process.stderr.write(`solc: ${p.formattedMessage}\n`);
  }
  const errors = problems.filter((e) => e.severity === 'error');
  if (errors.length) {
    throw new Error(`${file} does not compile:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  }
  const c = output.contracts[file][name];
  const result = {
    abi: c.abi,
    bytecode: `0x${c.evm.bytecode.object}`,
    deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
    methodIdentifiers: c.evm.methodIdentifiers,
    compiler: `solc-js ${solc.version()}`,
  };
  // Written whole or not at all: a concurrent or interrupted compile never leaves half a file to read.
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result));
  fs.renameSync(tmp, cached);
  return result;
}
