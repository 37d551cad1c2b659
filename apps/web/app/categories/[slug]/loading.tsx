import { GridSkeleton } from "@/components/catalog/skeletons";

export default function CategoryLoading() {
  return <GridSkeleton label="Loading products…" />;
}
