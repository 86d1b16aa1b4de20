/**
 * The server's own certificate authority and serving certificate. kubectl sends bearer tokens only over
 * TLS, so plain HTTP will not do. Made at first start under `<stateDir>/pki/` and reused afterwards, so
 * a kubeconfig written earlier keeps working across restarts.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  caCert: string;
  cert: string;
  key: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** True when `pem` is still valid for a day and was signed by `caPem`. */
function usable(pem: string, caPem: string): boolean {
  try {
    const cert = new X509Certificate(pem);
    const ca = new X509Certificate(caPem);
    return Date.parse(cert.validTo) - Date.now() > DAY_MS && cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}

/** Loads the CA and serving certificate from `stateDir`, creating what is missing or expiring. */
export async function loadOrCreateTls(stateDir: string): Promise<TlsMaterial> {
  const dir = join(stateDir, 'pki');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const paths = { caCert: join(dir, 'ca.crt'), caKey: join(dir, 'ca.key'), cert: join(dir, 'apiserver.crt'), key: join(dir, 'apiserver.key') };
  let caCert = await readIfExists(paths.caCert);
  let caKey = await readIfExists(paths.caKey);
  if (!caCert || !caKey || !usable(caCert, caCert)) {
    const notBeforeDate = new Date(Date.now() - 60_000);
    const ca = await generate([{ name: 'commonName', value: 'kube-sandbox-ca' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 3650 * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    });
    caCert = ca.cert;
    caKey = ca.private;
    await writeFile(paths.caKey, caKey, { mode: 0o600 });
    await writeFile(paths.caCert, caCert, { mode: 0o644 });
  }
  let cert = await readIfExists(paths.cert);
  let key = await readIfExists(paths.key);
  if (!cert || !key || !usable(cert, caCert)) {
    const notBeforeDate = new Date(Date.now() - 60_000);
    const serving = await generate([{ name: 'commonName', value: 'kube-apiserver' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 365 * DAY_MS),
      ca: { key: caKey, cert: caCert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    cert = serving.cert;
    key = serving.private;
    await writeFile(paths.key, key, { mode: 0o600 });
    await writeFile(paths.cert, cert, { mode: 0o644 });
  }
  return { caCert, cert, key };
}
