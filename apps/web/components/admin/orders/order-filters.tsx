import { orderStatuses, statusLabel } from "@hearth/domain";
import styles from "@/components/admin/products/products.module.css";

export type OrderFilterValues = { status: string; from: string; to: string };

/** Status and a placed-between range of the store's days; a GET form, so the URL holds them. */
export function OrderFilters({ values, timeZone }: { values: OrderFilterValues; timeZone: string }) {
  return (
    <form method="get" action="/admin/orders" className={styles.filters} aria-label="Filter orders">
      <div className="field">
        <label className="field-label" htmlFor="admin-order-status">
          Status
        </label>
        <select id="admin-order-status" className="input" name="status" defaultValue={values.status}>
          <option value="">Any status</option>
          {orderStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="admin-order-from">
          Placed from
        </label>
        <input id="admin-order-from" className="input" type="date" name="from" defaultValue={values.from} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="admin-order-to">
          Placed until
        </label>
        <input
          id="admin-order-to"
          className="input"
          type="date"
          name="to"
          defaultValue={values.to}
          aria-describedby="admin-order-zone"
        />
      </div>
      <button type="submit" className="button-secondary">
        Apply
      </button>
      <p id="admin-order-zone" className="field-hint">
        Days in the store&apos;s time zone, {timeZone}; both days included.
      </p>
    </form>
  );
}
