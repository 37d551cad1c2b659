export type StockState = { kind: "sold-out" } | { kind: "low"; left: number } | { kind: "in-stock" };

/** The threshold comes from config/store.lowStockThreshold. */
export function stockState(stock: number, lowStockThreshold: number): StockState {
  if (stock <= 0) return { kind: "sold-out" };
  if (stock <= lowStockThreshold) return { kind: "low", left: stock };
  return { kind: "in-stock" };
}

export function stockLabel(state: StockState): string {
  switch (state.kind) {
    case "sold-out":
      return "Sold out";
    case "low":
      return `Only ${state.left} left`;
    case "in-stock":
      return "In stock";
  }
}
