// The graph's shapes as pages and the CLI see them (graphData.ts builds them, packedGraph.ts packs
// them): a file of their own so that neither imports the other for its types.

export type GraphNodeType = 'note' | 'placeholder' | 'attachment' | 'tag';

/** `embed`: `![[x]]`; `property`: a link in frontmatter (`related: "[[x]]"`); `tag`: a note to one of its tags. */
export type GraphEdgeKind = 'link' | 'embed' | 'property' | 'tag';

export interface GraphNode {
  /** A note's or attachment's path; a placeholder's name (`bitter-lesson`); a tag as `#ml/rl`. */
  readonly id: string;
  readonly type: GraphNodeType;
  readonly title: string;
  /** The folder of a note or attachment (`''` at the root and for placeholders and tags). */
  readonly folder: string;
  /** Index into `GraphData.groups`, or -1. */
  readonly group: number;
  /** Links from other nodes of the picture (edge counts summed). */
  readonly inLinks: number;
  readonly outLinks: number;
  /** What the node's size reflects: links in and out, or PageRank scaled so the mean is 1. */
  readonly weight: number;
}

export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: GraphEdgeKind;
  /** How many links make this edge. */
  readonly count: number;
}

export interface GraphGroup {
  readonly name: string;
  readonly color?: string;
  /** Nodes of the picture in this group. */
  readonly count: number;
}

export interface GraphData {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
  /** The local graph's note, when there is one in the vault. */
  readonly center?: string;
}
