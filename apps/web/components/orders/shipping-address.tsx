import type { Address } from "@hearth/domain";
import styles from "./orders.module.css";

export function ShippingAddress({ address }: { address: Address }) {
  return (
    <address className={styles.address}>
      {address.name}
      <br />
      {address.line1}
      {address.line2 ? (
        <>
          <br />
          {address.line2}
        </>
      ) : null}
      <br />
      {address.postalCode} {address.city}, {address.country}
    </address>
  );
}
