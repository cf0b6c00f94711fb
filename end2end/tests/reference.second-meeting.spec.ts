import { referencePagesFollowTheSeed } from "./reference";

referencePagesFollowTheSeed("workshop.toml");
