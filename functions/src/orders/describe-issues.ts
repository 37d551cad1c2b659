interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** A schema failure as one readable sentence for a rejection reason or an error message. */
export function describeIssues(error: IssueList, max = 5): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : "";
  return parts.join("; ") + more;
}
