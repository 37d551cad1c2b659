import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { CartSync } from "@/components/cart/cart-sync";
import { SiteHeader } from "@/components/site-header";
import { DEFAULT_STOREFRONT, getStorefront, type Storefront } from "@/lib/store/storefront";
import "./globals.css";

// Every page shows the store name read from Firestore, so nothing is prerendered at build.
export const dynamic = "force-dynamic";

// The header must render even when the store settings cannot be read, so that the
// page's own error boundary (app/error.tsx) can show and offer a retry.
async function storefrontOrDefault(): Promise<Storefront> {
  try {
    return await getStorefront();
  } catch (error) {
    console.error("Could not read the store settings", error);
    return DEFAULT_STOREFRONT;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const { name } = await storefrontOrDefault();
  return {
    title: { default: name, template: `%s · ${name}` },
    description: `Shop ${name}`,
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf8f5" },
    { media: "(prefers-color-scheme: dark)", color: "#171311" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const storefront = await storefrontOrDefault();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader storeName={storefront.name} />
        <CartSync />
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  );
}
