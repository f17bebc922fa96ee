// The Tags view: every tag of the vault, nested tags under their parents, each with the
// number of notes carrying it or a tag below it; expanding a tag lists its notes, and a
// click opens one at the tag. Elements carry `tag` (the full name) for the context menu's
// Show Tag Page and Rename Tag.
import * as vscode from 'vscode';
import type { TagNode } from '../../core/index/types';
import { notesOfTag, type TaggedNoteRow } from '../../core/views/noteRows';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';
import { RefreshingView } from './refreshingView';
import { folderItem, noteItem, plural, vaultRoots } from './rows';

export const tagsViewId = 'marginalia.tags';

export type TagElement =
  | { readonly kind: 'folder'; readonly vault: Vault }
  | { readonly kind: 'tag'; readonly vault: Vault; readonly tag: string; readonly node: TagNode }
  | { readonly kind: 'note'; readonly vault: Vault; readonly tag: string; readonly note: TaggedNoteRow };

export class TagsView extends RefreshingView<TagElement> {
  getChildren(element?: TagElement): TagElement[] {
    if (!element) return vaultRoots(this.vaults, vault => ({ kind: 'folder', vault }), vault => this.tagsOf(vault, vault.index.tagTree()));
    if (element.kind === 'folder') return this.tagsOf(element.vault, element.vault.index.tagTree());
    if (element.kind === 'note') return [];
    const { vault, node } = element;
    return [
      ...this.tagsOf(vault, node.children),
      ...notesOfTag(vault.index, node.name).map((note): TagElement => ({ kind: 'note', vault, tag: node.name, note })),
    ];
  }

  protected override update(): void {
    const empty = this.vaults.all().every(v => v.index.tagTree().length === 0);
    const indexing = this.vaults.indexing;
    this.view.message = empty ? (indexing ? 'Indexing notes…' : 'No tags yet: write #tag in a note, or tags: [a, b] in its frontmatter.') : undefined;
  }

  private tagsOf(vault: Vault, nodes: readonly TagNode[]): TagElement[] {
    return nodes.map(node => ({ kind: 'tag', vault, tag: node.name, node }));
  }

  getTreeItem(element: TagElement): vscode.TreeItem {
    if (element.kind === 'folder') return folderItem(element.vault);
    if (element.kind === 'note') {
      return noteItem(element.vault, element.note, element.note.first, this.idOf(element));
    }
    const { node } = element;
    const id = this.idOf(element);
    const item = new vscode.TreeItem(node.label, this.collapsible(id, false));
    item.id = id;
    item.iconPath = new vscode.ThemeIcon('tag');
    item.description = String(node.noteCount);
    item.tooltip = `#${node.name}: ${plural(node.noteCount, 'note')}`;
    item.contextValue = 'tag';
    return item;
  }

  protected idOf(element: TagElement): string {
    const folder = element.vault.folder.uri.toString();
    if (element.kind === 'folder') return `folder:${folder}`;
    const tag = `t:${folder}|${element.tag.toLowerCase()}`;
    return element.kind === 'tag' ? tag : `${tag}|${element.note.path}`;
  }
}

export function registerTagsView(vaults: Vaults): TagsView {
  const view = new TagsView(vaults);
  view.register(tagsViewId);
  return view;
}
