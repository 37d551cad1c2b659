/**
 * The image pipeline's 160 px WebP, as is. Like the storefront's pictures it is a plain <img> in a
 * <picture>: the file is already the size shown, and next/image's optimizer would only fetch it
 * from Storage again.
 */
export function Thumbnail({
  src,
  alt,
  size,
  className,
}: {
  src: string;
  alt: string;
  size: number;
  className?: string;
}) {
  return (
    <picture>
      <img className={className} src={src} alt={alt} width={size} height={size} />
    </picture>
  );
}
