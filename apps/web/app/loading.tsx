import { GridSkeleton } from "@/components/catalog/skeletons";

export default function Loading() {
  return <GridSkeleton label="Loading products…" />;
}
