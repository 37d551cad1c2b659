import { GridSkeleton } from "@/components/catalog/skeletons";

export default function ProductsLoading() {
  return <GridSkeleton label="Loading products…" />;
}
