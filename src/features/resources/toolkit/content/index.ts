import { activityFormats } from "./activity-formats.js";
import { charterTemplate } from "./charter-template.js";
import { firstMeetingPlan } from "./first-meeting-plan.js";
import { keepingPeopleEngaged } from "./keeping-people-engaged.js";
import { measuringValue } from "./measuring-value.js";
import { stageDesign } from "./stage-design.js";
import { stageGrow } from "./stage-grow.js";
import { stageInquire } from "./stage-inquire.js";
import { stageLaunch } from "./stage-launch.js";
import { stagePrototype } from "./stage-prototype.js";
import { stageSustain } from "./stage-sustain.js";
import type { ToolkitItem } from "./types.js";
import { welcome } from "./welcome.js";

export type { ToolkitItem } from "./types.js";

/** The starter toolkit in the order the collection presents it. */
export const toolkitItems: ToolkitItem[] = [
  welcome,
  stageInquire,
  stageDesign,
  stagePrototype,
  stageLaunch,
  stageGrow,
  stageSustain,
  charterTemplate,
  firstMeetingPlan,
  activityFormats,
  keepingPeopleEngaged,
  measuringValue,
];
