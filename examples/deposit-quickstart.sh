#!/usr/bin/env bash
# From `bin/waas up` to a completed deposit, through the gateway with signed requests (examples/cobo-auth-request.mjs):
# a vault, its 2-of-3 Main Group on the three TSS nodes, the KeyGen, a wallet and a DEV_ETH address, then
# `bin/waas faucet` of dev ETH and DEV_ETH_USDT to it, and the deposits confirming until they are Completed and in
# the wallet's balances.
#
#   bin/waas up
#   examples/deposit-quickstart.sh [ETH_AMOUNT] [USDT_AMOUNT]      (defaults 1.5 and 25)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WAAS_HOME="${WAAS_HOME:-$PWD/.waas}"
set -a; . "$WAAS_HOME/credentials.env"; set +a
ETH="${1:-1.5}"
USDT="${2:-25}"

# METHOD PATH [QUERY] [BODY] → the response body (the script prints "<status> response signature valid <body>" and
# fails on a non-2xx answer or a bad response signature)
call() { node examples/cobo-auth-request.mjs "$@" | sed -E 's/^[^[{]*//'; }
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];console.log(v)})' "$1"; }

vault=$(call POST /v2/wallets/mpc/vaults '' '{"name":"quickstart","vault_type":"Org-Controlled"}' | field vault_id)
echo "vault $vault"
holders='{"name":"tss-node-0","type":"API","tss_node_id":"tss-node-0","signer":true},{"name":"tss-node-1","type":"API","tss_node_id":"tss-node-1","signer":true},{"name":"tss-node-2","type":"API","tss_node_id":"tss-node-2","signer":true}'
group=$(call POST "/v2/wallets/mpc/vaults/$vault/key_share_holder_groups" '' \
  "{\"key_share_holder_group_type\":\"MainGroup\",\"participants\":3,\"threshold\":2,\"key_share_holders\":[$holders]}" \
  | field key_share_holder_group_id)
request=$(call POST "/v2/wallets/mpc/vaults/$vault/tss_requests" '' \
  "{\"type\":\"KeyGen\",\"target_key_share_holder_group_id\":\"$group\"}" | field tss_request_id)
echo "key generation $request on tss-node-0..2"
for _ in $(seq 1 120); do
  status=$(call GET "/v2/wallets/mpc/vaults/$vault/tss_requests/$request" | field status)
  [[ "$status" == Success ]] && break
  [[ "$status" == *Failed* ]] && { echo "key generation $status" >&2; exit 1; }
  sleep 1
done
[[ "$status" == Success ]] || { echo "key generation still $status" >&2; exit 1; }
wallet=$(call POST /v2/wallets '' \
  "{\"name\":\"quickstart\",\"wallet_type\":\"MPC\",\"wallet_subtype\":\"Org-Controlled\",\"vault_id\":\"$vault\"}" \
  | field wallet_id)
address=$(call POST "/v2/wallets/$wallet/addresses" '' '{"chain_id":"DEV_ETH","count":1}' | field 0.address)
echo "wallet $wallet, DEV_ETH address $address"
sleep 1 # transaction-service watches the address once it has read wallet.address.created
echo "faucet: $(bin/waas faucet "$address" "$ETH") ($ETH DEV_ETH)"
echo "faucet: $(bin/waas faucet "$address" "$USDT" DEV_ETH_USDT) ($USDT DEV_ETH_USDT)"
for _ in $(seq 1 60); do
  list=$(call GET /v2/transactions "wallet_ids=$wallet")
  summary=$(node -e 'const d=JSON.parse(process.argv[1]).data;console.log(d.map(t=>`${t.token_id} ${t.destination.amount} ${t.status} ${t.confirmed_num}/${t.confirming_threshold}`).join(", "))' "$list")
  echo "deposits: $summary"
  [[ "$(grep -o '"status":"Completed"' <<<"$list" | wc -l)" -eq 2 ]] && break
  sleep 1
done
echo "balances: $(call GET "/v2/wallets/$wallet/tokens")"
