import { referencePagesFollowTheSeed } from "./reference";

referencePagesFollowTheSeed("meeting.toml");
