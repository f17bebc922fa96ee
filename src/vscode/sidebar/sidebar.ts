// The Marginalia view container: the views of the active note (Backlinks, Unlinked
// Mentions, Outgoing Links) and of the vault (Tags, Notes Not Written Yet, Orphans).
import * as vscode from 'vscode';
import { ActiveNote } from './activeNote';
import { registerBacklinksView, type BacklinksView } from './backlinksView';
import { registerMentionsView, type MentionsView } from './mentionsView';
import { registerOrphansView, type OrphansView } from './orphansView';
import { registerOutgoingView, type OutgoingView } from './outgoingView';
import { registerPlaceholdersView, type PlaceholdersView } from './placeholdersView';
import { registerTagsView, type TagsView } from './tagsView';
import type { Vaults } from '../vaults/vaults';

export interface Sidebar extends vscode.Disposable {
  readonly active: ActiveNote;
  readonly backlinks: BacklinksView;
  readonly mentions: MentionsView;
  readonly outgoing: OutgoingView;
  readonly tags: TagsView;
  readonly placeholders: PlaceholdersView;
  readonly orphans: OrphansView;
}

export function registerSidebar(vaults: Vaults, memento: vscode.Memento): Sidebar {
  const active = new ActiveNote(vaults);
  const views = {
    active,
    backlinks: registerBacklinksView(vaults, active, memento),
    mentions: registerMentionsView(vaults, active),
    outgoing: registerOutgoingView(vaults, active),
    tags: registerTagsView(vaults),
    placeholders: registerPlaceholdersView(vaults),
    orphans: registerOrphansView(vaults),
  };
  const all: vscode.Disposable[] = Object.values(views);
  return { ...views, dispose: () => { for (const d of all.reverse()) d.dispose(); } };
}
