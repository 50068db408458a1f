// The chunk of the client used only in matches with teams (see client/ui/teamParts.tsx).
import './teams.css';

export { TeamLobby } from './TeamLobby.tsx';
export { TeamPanel } from './TeamPanel.tsx';
export { TeamDrafts } from './TeamDrafts.tsx';
export { RoleStrip } from './RoleStrip.tsx';
