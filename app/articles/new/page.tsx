import type { Metadata } from "next";
import { ImportForm } from "@/components/import-form";
import { requirePageActor } from "@/lib/auth/page-actor";
import { mayImportArticle } from "@/lib/policies/article";

export const metadata: Metadata = { title: "New article" };
export const dynamic = "force-dynamic";

export default async function NewArticlePage() {
  const decision = mayImportArticle(await requirePageActor("/articles/new"));
  return (
    <div className="page">
      <h1>New article</h1>
      {decision.allowed ? <ImportForm /> : <p role="alert">{decision.reason}</p>}
    </div>
  );
}
