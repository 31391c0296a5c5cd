CREATE TABLE "charter_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"version" integer NOT NULL,
	"mission" text DEFAULT '' NOT NULL,
	"membership_criteria" text DEFAULT '' NOT NULL,
	"code_of_conduct" text DEFAULT '' NOT NULL,
	"tools" text DEFAULT '' NOT NULL,
	"meeting_rhythm" text DEFAULT '' NOT NULL,
	"decision_process" text DEFAULT 'consensus' NOT NULL,
	"decision_notes" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"author_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_ticks" (
	"community_id" text NOT NULL,
	"item_key" text NOT NULL,
	"ticked_by_id" text,
	"ticked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_ticks_community_id_item_key_pk" PRIMARY KEY("community_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "stage_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"changed_by_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"author_id" text,
	"kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_interest" (
	"proposal_id" text NOT NULL,
	"person_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_interest_proposal_id_person_id_pk" PRIMARY KEY("proposal_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"proposer_id" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"name" text NOT NULL,
	"practice_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"need" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"planned_activities" text DEFAULT '' NOT NULL,
	"founding_core_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"suggested_sponsor_id" text,
	"community_id" text,
	"approved_stage" text,
	"decided_by_id" text,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "content_access" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "joining_question" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "mailing_list_url" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "chat_url" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "website_url" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "contact_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "stage_changed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "dormant_since" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "closing_note" text;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "proposal_id" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "request_answer" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "invited_by_id" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "decided_by_id" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "decision_message" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "code_of_conduct_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "break_until" date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "break_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_ticked_by_id_people_id_fk" FOREIGN KEY ("ticked_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_changed_by_id_people_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_interest" ADD CONSTRAINT "proposal_interest_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_interest" ADD CONSTRAINT "proposal_interest_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposer_id_people_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_suggested_sponsor_id_people_id_fk" FOREIGN KEY ("suggested_sponsor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_community_version_idx" ON "charter_versions" USING btree ("community_id","version");--> statement-breakpoint
CREATE INDEX "charter_versions_author_idx" ON "charter_versions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "stage_changes_community_idx" ON "stage_changes" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal_idx" ON "proposal_events" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposal_interest_person_idx" ON "proposal_interest" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "proposals_status_idx" ON "proposals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "proposals_proposer_idx" ON "proposals" USING btree ("proposer_id","created_at");--> statement-breakpoint
CREATE INDEX "memberships_break_until_idx" ON "memberships" USING btree ("break_until") WHERE "memberships"."state" = 'on_break';