import { ProductSkeleton } from "@/components/catalog/skeletons";

export default function ProductLoading() {
  return <ProductSkeleton />;
}
