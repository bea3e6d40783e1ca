/**
 * In-toto Statement v1 with an SLSA Provenance v1 predicate: one schema that
 * builds the statements attest signs and parses the ones verify reads back.
 * The workflow-level fields follow GitHub's own attestations
 * (externalParameters.workflow {ref, repository, path}, the source commit as
 * the first resolved dependency, builder.id = <server>/<workflow ref>), so a
 * policy written for `gh attestation verify` reads the same values here; the
 * image build's own parameters and inputs are added beside them.
 */
import { z } from 'zod';
import { sha256 } from '../hash.ts';
import type { Artifact } from './artifacts.ts';
import { IMAGE_PROVENANCE_MEDIA_TYPE } from './image-provenance.ts';
import { SBOM_MEDIA_TYPE } from '../sbom/media-type.ts';
import { invocationId, workflowPath, type RunContext } from './context.ts';
import type { UpstreamDocuments } from './upstream.ts';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/**
 * What externalParameters.images means (docs/attest.md, "Build type"). A URN,
 * not an https URL: the suite is used from many repositories and owns no
 * domain a URL could point into.
 */
export const BUILD_TYPE = 'urn:infrasim-image-actions:buildtype:vm-image:v1';
export const SUITE = { name: 'infrasim-image-actions', version: '0.1.0' };

const digestSet = z.record(z.string(), z.string().regex(/^[0-9a-f]+$/));

export const ResourceDescriptorSchema = z.object({
  name: z.string().optional(),
  uri: z.string().optional(),
  digest: digestSet.optional(),
  mediaType: z.string().optional(),
  annotations: z.record(z.string(), z.unknown()).optional(),
});
export type ResourceDescriptor = z.infer<typeof ResourceDescriptorSchema>;

export const SubjectSchema = z.object({
  name: z.string().min(1),
  digest: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).catchall(z.string()),
});
export type Subject = z.infer<typeof SubjectSchema>;

export const SlsaPredicateSchema = z.object({
  buildDefinition: z.object({
    buildType: z.string().min(1),
    externalParameters: z.record(z.string(), z.unknown()),
    internalParameters: z.record(z.string(), z.unknown()).optional(),
    resolvedDependencies: z.array(ResourceDescriptorSchema).optional(),
  }),
  runDetails: z.object({
    builder: z.object({
      id: z.string().min(1),
      version: z.record(z.string(), z.string()).optional(),
      builderDependencies: z.array(ResourceDescriptorSchema).optional(),
    }),
    metadata: z
      .object({
        invocationId: z.string().optional(),
        startedOn: z.string().optional(),
        finishedOn: z.string().optional(),
      })
      .optional(),
    byproducts: z.array(ResourceDescriptorSchema).optional(),
  }),
});
export type SlsaPredicate = z.infer<typeof SlsaPredicateSchema>;

/** Any in-toto v1 statement (verify first parses this, then checks the predicate type). */
export const StatementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(SubjectSchema).min(1),
  predicateType: z.string(),
  predicate: z.record(z.string(), z.unknown()),
});
export type Statement = z.infer<typeof StatementSchema>;

export const ProvenanceStatementSchema = StatementSchema.extend({
  predicateType: z.literal(SLSA_PROVENANCE_V1),
  predicate: SlsaPredicateSchema,
});
export type ProvenanceStatement = z.infer<typeof ProvenanceStatementSchema>;

/** One output tree as the statement sees it: names are prefixed so several trees never collide. */
export interface TreeInput {
  up: UpstreamDocuments;
  /** '' for a single tree, else '<dir>/' relative to the common parent. */
  prefix: string;
  artifacts: Artifact[];
  /** The image provenance documents attest wrote for this tree (rel + digest). */
  imageProvenance: { rel: string; sha256: string }[];
  /** The image SBOMs (CycloneDX) attest wrote for this tree (rel + digest), bound as byproducts. */
  sboms?: { rel: string; sha256: string }[];
  /** Other reports attest wrote for this tree (the secret gate's result), bound as JSON byproducts. */
  reports?: { rel: string; sha256: string }[];
}

function externalImage(t: TreeInput): Record<string, unknown> {
  const bp = t.up.buildProvenance.doc;
  return {
    tree: t.prefix.replace(/\/$/, '') || '.',
    distro: bp.distro.name,
    version: bp.distro.version,
    arch: bp.distro.arch,
    boot: bp.boot.mode,
    cmdline: bp.boot.cmdline,
    packages: bp.packages,
    source_date_epoch: bp.source.source_date_epoch,
    variants: t.up.variants.map((v) => ({
      name: v.doc.variant,
      definition: v.doc.definition.origin,
      packages: v.doc.packages,
      services: v.doc.services,
    })),
  };
}

function dependencies(t: TreeInput): ResourceDescriptor[] {
  const bp = t.up.buildProvenance.doc;
  const arch = bp.distro.arch;
  const out: ResourceDescriptor[] = [];
  for (const input of bp.inputs)
    out.push({
      name: `${t.prefix}${input.name}`,
      uri: input.uri,
      ...(input.sha256 ? { digest: { sha256: input.sha256 } } : {}),
      annotations: { verification: input.verification, arch },
    });
  out.push({
    name: `${t.prefix}kernel`,
    digest: { sha256: bp.boot.kernel.sha256 },
    annotations: { rootfs_path: bp.boot.kernel.rootfs_path, arch },
  });
  if (bp.boot.initrd)
    out.push({ name: `${t.prefix}initrd`, digest: { sha256: bp.boot.initrd.sha256 }, annotations: { arch } });
  // The installed package list, read back from the image's own database: its digest pins it.
  const installed = bp.installed_packages;
  out.push({
    name: `${t.prefix}installed-packages`,
    digest: { sha256: sha256(JSON.stringify(installed.packages)) },
    mediaType: 'application/json',
    annotations: { manager: installed.manager, count: installed.count, arch },
  });
  const ib = t.up.infrasimBuild.doc;
  for (const [name, bin] of Object.entries(ib.binaries).sort(([a], [b]) => a.localeCompare(b)))
    out.push({
      name: `${t.prefix}infrasim/${name}`,
      digest: { sha256: bin.sha256 },
      annotations: { version: ib.version },
    });
  out.push({
    name: `${t.prefix}infrasim/dependency-graph`,
    digest: { sha256: ib.dependencies.graph_sha256 },
    annotations: { package_count: ib.dependencies.package_count, ecosystem: ib.dependencies.ecosystem },
  });
  for (const v of t.up.variants) {
    out.push({
      name: `${t.prefix}variant/${v.doc.variant}/definition`,
      uri: v.doc.definition.origin,
      digest: { sha256: v.doc.definition.sha256 },
    });
    out.push({
      name: `${t.prefix}variant/${v.doc.variant}/user-data`,
      digest: { sha256: v.doc.user_data.sha256 },
    });
  }
  return out;
}

function byproducts(t: TreeInput): ResourceDescriptor[] {
  const provenance = t.imageProvenance.map((d) => ({
    name: `${t.prefix}${d.rel}`,
    digest: { sha256: d.sha256 },
    mediaType: IMAGE_PROVENANCE_MEDIA_TYPE,
  }));
  const sboms = (t.sboms ?? []).map((d) => ({
    name: `${t.prefix}${d.rel}`,
    digest: { sha256: d.sha256 },
    mediaType: SBOM_MEDIA_TYPE,
  }));
  const docs = [
    t.up.buildProvenance,
    ...t.up.variants,
    t.up.infrasimBuild,
    ...t.up.bootReports,
    ...(t.reports ?? []),
  ];
  return [
    ...provenance,
    ...sboms,
    ...docs.map((d) => ({
      name: `${t.prefix}${d.rel}`,
      digest: { sha256: d.sha256 },
      mediaType: 'application/json',
    })),
  ];
}

export function subjectName(t: TreeInput, a: Artifact): string {
  return `${t.prefix}${a.rel}`;
}

export interface StatementRequest {
  trees: TreeInput[];
  /** The artifacts this statement names, each with its tree. */
  subjects: { tree: TreeInput; artifact: Artifact }[];
  ctx: RunContext;
  builderId: string;
}

export function buildProvenanceStatement(r: StatementRequest): ProvenanceStatement {
  const { ctx } = r;
  const repositoryUrl = ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : null;
  const source: ResourceDescriptor[] =
    repositoryUrl && ctx.sha
      ? [{ uri: `git+${repositoryUrl}@${ctx.ref ?? ctx.sha}`, digest: { gitCommit: ctx.sha } }]
      : [];
  const invocation = invocationId(ctx);
  const statement: ProvenanceStatement = {
    _type: STATEMENT_TYPE,
    subject: r.subjects.map((s) => ({
      name: subjectName(s.tree, s.artifact),
      digest: { sha256: s.artifact.sha256 },
    })),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          workflow: { ref: ctx.ref, repository: repositoryUrl, path: workflowPath(ctx) },
          images: r.trees.map(externalImage),
        },
        internalParameters: {
          github: {
            event_name: ctx.eventName,
            repository_id: ctx.repositoryId,
            repository_owner_id: ctx.repositoryOwnerId,
            runner_environment: ctx.runnerEnvironment,
          },
        },
        resolvedDependencies: [...source, ...r.trees.flatMap(dependencies)],
      },
      runDetails: {
        builder: { id: r.builderId, version: { [SUITE.name]: SUITE.version } },
        ...(invocation ? { metadata: { invocationId: invocation } } : {}),
        byproducts: r.trees.flatMap(byproducts),
      },
    },
  };
  return ProvenanceStatementSchema.parse(statement);
}

/** The exact bytes that are signed and written: compact JSON, so the file and the DSSE payload are the same bytes. */
export function serializeStatement(s: Statement): Buffer {
  return Buffer.from(JSON.stringify(s));
}
