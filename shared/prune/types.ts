/**
 * The vocabulary of registry retention, shared by the targets (GHCR, any OCI
 * registry), the planner and the executor. A target turns a package into an
 * Inventory; the planner turns an Inventory and a Policy into a Plan; the
 * executor carries out exactly that Plan.
 */
import { z } from 'zod';

/**
 * One deletable unit. On GHCR a package version (one manifest digest with its
 * tags and an id for DELETE); on a distribution registry one manifest digest
 * with the tags that point at it (deleting it removes them all).
 */
export interface PackageVersion {
  /** What DELETE takes: the GHCR version id, or the digest on a registry. */
  id: string;
  digest: string;
  tags: string[];
  /** The version's own creation time (GHCR created_at); unknown on a registry. */
  createdAt?: string;
}

/** What the planner needs from one manifest. */
export interface ManifestFacts {
  digest: string;
  mediaType: string;
  /** An index's manifests[] digests (platform images, or referrers in a fallback-tag index). */
  children: string[];
  /** subject.digest: this manifest is a referrer (signature, attestation, SBOM) of that one. */
  subject?: string;
  artifactType?: string;
  /** The image's creation time: annotation org.opencontainers.image.created, else config `created`. */
  created?: string;
}

/** A manifest the target could not fetch or parse: the whole package is then left alone. */
export interface UnreadableManifest {
  digest: string;
  /** The tags or the parent that led to it, for the message. */
  via: string;
  reason: string;
}

export interface Inventory {
  /** "ghcr.io/owner/name" or "127.0.0.1:5000/name": how the report names the package. */
  package: string;
  versions: PackageVersion[];
  /** Every manifest reachable from a version, by digest. */
  manifests: Map<string, ManifestFacts>;
  unreadable: UnreadableManifest[];
  /** Digests referenced (index child, fallback-tag index entry) that the registry says do not exist. */
  missing: { digest: string; via: string }[];
  /** API requests spent building the inventory. */
  requests: number;
}

/** Why a version stays or goes: one line a maintainer can check. */
export const decisionSchema = z.object({
  id: z.string(),
  digest: z.string(),
  tags: z.array(z.string()),
  kind: z.enum(['image', 'index-child', 'referrer', 'fallback-tag', 'untagged']),
  created: z.string().optional(),
  action: z.enum(['keep', 'delete']),
  /** The rule (keep-tags pattern, rule pattern + keep N / younger-than, channels.json, …) or relation. */
  reason: z.string(),
  /** The digest whose decision carried this one (parent index, subject). */
  via: z.string().optional(),
  /** Deletions only: digests that must be gone before this one (its referrers, fallback tags, children). */
  after: z.array(z.string()).optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const planSchema = z.object({
  schema: z.literal('infrasim.prune-plan/v1'),
  package: z.string(),
  target: z.enum(['ghcr', 'registry']),
  generatedAt: z.string(),
  /** Set when the package is left alone (fail closed): nothing in `delete`. */
  blocked: z.array(z.object({ digest: z.string(), via: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  /** In execution order: a manifest goes only after everything that references it. */
  delete: z.array(decisionSchema),
  keep: z.array(decisionSchema),
});
export type Plan = z.infer<typeof planSchema>;

export interface DeletionResult {
  id: string;
  digest: string;
  tags: string[];
  outcome: 'deleted' | 'already-gone' | 'refused' | 'failed' | 'skipped';
  message?: string;
  /** Skipped because deletions stopped earlier (StopDeleting): why they stopped. */
  stoppedBy?: string;
}

/**
 * Thrown by a target when going on would only make things worse (GitHub's rate limit outlasted the
 * client's retries): the executor stops, and the deletions not attempted are left to a rerun.
 */
export class StopDeleting extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StopDeleting';
  }
}

/** The two kinds of registry the action prunes, behind one interface. */
export interface PruneTarget {
  readonly kind: 'ghcr' | 'registry';
  /** GHCR refuses to delete a package's last tagged version (400): the planner keeps one. */
  readonly refusesLastTaggedVersion: boolean;
  inventory(): Promise<Inventory>;
  /** Deletes one version; 404 resolves to 'already-gone', refusals to 'refused'. */
  deleteVersion(version: { id: string; digest: string }): Promise<{
    outcome: 'deleted' | 'already-gone' | 'refused';
    message?: string;
  }>;
  /** API requests made so far (inventory and deletions). */
  requestCount(): number;
}
