// CONTRACT (implementation in progress by a helper): see docs/architecture.md "Quantities".
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
export interface Quantity {
  /** Exact value in nano-units (10^-9), after Kubernetes' parse-time rounding. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}
export declare function parseQuantity(text: string): Quantity | undefined;
export declare function addQuantities(a: Quantity, b: Quantity): Quantity;
export declare function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1;
export declare function formatQuantity(q: Quantity): string;
