import { z } from "zod";

export const signInInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .email("Enter an email address like name@example.org"),
  password: z.string().min(1, "Enter your password").max(200),
  next: z.string().max(500).default(""),
});

/** A new password typed twice: the same rules on sign-up and on reset. */
const newPassword = {
  password: z
    .string()
    .min(10, "Use at least 10 characters for your password")
    .max(200, "Use at most 200 characters"),
  confirm: z.string(),
};
const passwordsMatch = (form: { password: string; confirm: string }) => form.password === form.confirm;

export const signUpInput = z
  .object({
    name: z.string().trim().min(1, "Enter your full name").max(80, "Name must be 80 characters or fewer"),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter your email address")
      .email("Enter an email address like name@example.org"),
    ...newPassword,
  })
  .refine(passwordsMatch, { path: ["confirm"], message: "The two passwords do not match" });

/** Only same-site paths, so a crafted link cannot send people elsewhere after they sign in. */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/sign-in") || next.startsWith("/sign-up") || next.startsWith("/api/auth")) return "/";
  return next;
}

export const forgotPasswordInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .max(200, "Enter an email address like name@example.org")
    .email("Enter an email address like name@example.org"),
});

export const resetPasswordInput = z
  .object({
    token: z.string().trim().min(1).max(200),
    ...newPassword,
  })
  .refine(passwordsMatch, { path: ["confirm"], message: "The two passwords do not match" });
