#!/usr/bin/env bash
# Measures, on a running local system, how long a WMS quantity edit takes to reach the cart file and to show as
# VERIFIED in the View Product Sync table. Usage: KEY=psk_... deploy/scripts/measure-sync-latency.sh [rounds] [sandbox] [api]
# KEY is an API key of the demo tenant (README, "The first API key").
set -euo pipefail
: "${KEY:?set KEY to an API key of the demo tenant (see the README walk-through)}"
rounds=${1:-5}
sandbox=${2:-./sandbox}
api=${3:-http://localhost:8080/api/v1/tenants/demo/carts/demo-shop/product-sync/items/234567891}
wms="$sandbox/demo/wms/main.csv"
cart="$sandbox/demo/carts/demo-shop.csv"
now_ms() { date +%s%3N; }

for round in $(seq 1 "$rounds"); do
  quantity=$((100 + RANDOM % 900))
  start=$(now_ms)
  sed -i "s/^234567891,.*/234567891,$quantity/" "$wms"
  until grep -q "^234567891,.*,$quantity\$" "$cart"; do sleep 0.05; done
  in_cart=$(now_ms)
  until curl -sf -H "Authorization: Bearer $KEY" "$api" | grep -q "\"outcome\":\"VERIFIED\".*\"cartQuantity\":$quantity,"; do sleep 0.05; done
  verified=$(now_ms)
  echo "round $round: quantity $quantity in cart after $((in_cart - start)) ms, VERIFIED in the table after $((verified - start)) ms"
done
