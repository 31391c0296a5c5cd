CREATE INDEX "replies_created_idx" ON "replies" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "threads_created_idx" ON "threads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "threads_withdrawn_idx" ON "threads" USING btree ("id") WHERE "threads"."hidden_at" is not null or "threads"."deleted_at" is not null;