#!/usr/bin/env node
// A signed OpenWaaS / Cobo WaaS 2.0 request from plain Node.js (18+; nothing to install): Cobo Auth request
// signature, then the platform's response signature checked. Our own Java code is not involved, so this is also an
// independent check of both signatures.
//
//   set -a; . .waas/credentials.env; set +a
//   node examples/cobo-auth-request.mjs GET /v2/wallets 'limit=10'
//   node examples/cobo-auth-request.mjs POST /v2/wallets '' '{"name":"w1","wallet_type":"Custodial",...}'
//
// Arguments: METHOD PATH [QUERY] [BODY]. Environment: WAAS_URL, WAAS_API_KEY, WAAS_API_SECRET (Ed25519 seed, hex),
// WAAS_RESPONSE_PUBLIC_KEY (hex). Prints the status, whether the response signature is valid, and the body. Exit
// code 0 only for a 2xx answer with a valid response signature.
import crypto from "node:crypto";

const [method = "GET", path = "/v2/wallets", query = "", body = ""] = process.argv.slice(2);
const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set (set -a; . .waas/credentials.env; set +a)`);
    process.exit(2);
  }
  return value;
};
const url = env("WAAS_URL"), apiKey = env("WAAS_API_KEY"), secretHex = env("WAAS_API_SECRET");
const responseKeyHex = env("WAAS_RESPONSE_PUBLIC_KEY");

// SHA-256(SHA-256(x)), what Cobo Auth signs in both directions.
const doubleSha256 = (bytes) => crypto.createHash("sha256").update(crypto.createHash("sha256").update(bytes).digest()).digest();
// Raw 32-byte Ed25519 keys wrapped in their fixed DER prefixes (PKCS#8 for the seed, SPKI for the public key).
const secret = crypto.createPrivateKey({ format: "der", type: "pkcs8",
  key: Buffer.from("302e020100300506032b657004220420" + secretHex, "hex") });
const platformKey = crypto.createPublicKey({ format: "der", type: "spki",
  key: Buffer.from("302a300506032b6570032100" + responseKeyHex, "hex") });

const nonce = String(Date.now());
const signature = crypto.sign(null, doubleSha256(Buffer.from(`${method}|${path}|${nonce}|${query}|${body}`)), secret);
// Content-Type on every request, a GET's too, as many HTTP clients send it.
const headers = { "BIZ-API-KEY": apiKey, "BIZ-API-NONCE": nonce, "BIZ-API-SIGNATURE": signature.toString("hex"),
  "Content-Type": "application/json" };

let response;
try {
  response = await fetch(`${url}${path}${query ? "?" + query : ""}`, { method, headers, body: body || undefined });
} catch (e) {
  console.error(`cannot reach ${url}: ${e.cause?.message ?? e.message}`);
  process.exit(1);
}
const text = Buffer.from(await response.arrayBuffer());
const timestamp = response.headers.get("BIZ_TIMESTAMP") ?? response.headers.get("BIZ-TIMESTAMP");
const responseSignature = response.headers.get("BIZ_RESP_SIGNATURE") ?? response.headers.get("BIZ-RESP-SIGNATURE");
const valid = Boolean(timestamp && responseSignature) && crypto.verify(null,
  doubleSha256(Buffer.concat([text, Buffer.from("|" + timestamp)])), platformKey, Buffer.from(responseSignature, "hex"));
console.log(response.status, valid ? "response signature valid" : "RESPONSE SIGNATURE INVALID", text.toString());
process.exit(response.ok && valid ? 0 : 1);
