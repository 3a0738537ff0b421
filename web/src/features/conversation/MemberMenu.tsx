/**
 * A member's menu (React Aria menu button): "Block" for anyone else, and "Remove from the room"
 * for a room's facilitator. Escape closes the menu and focus returns to its button; each choice
 * is confirmed in a dialog first (POST /api/v1/blocks, DELETE /api/v1/conversations/:id/members/:userId).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { api } from "../../api/client";
import type { ConversationMember } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { ConfirmDialog } from "../../ui/ConfirmDialog";

export function memberName(member: ConversationMember): string {
  return member.displayName ?? member.handle;
}

export function MemberMenu({
  conversationId,
  member,
  canRemove,
  onDone,
}: {
  conversationId: string;
  member: ConversationMember;
  canRemove: boolean;
  onDone(message: string): void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<"block" | "remove" | null>(null);
  const name = memberName(member);
  return (
    <>
      <MenuTrigger>
        <Button className="button secondary small">{t("member.menu", { name })}</Button>
        <Popover placement="bottom end">
          <Menu onAction={(key) => setConfirming(key === "remove" ? "remove" : "block")}>
            <MenuItem id="block">{t("member.block", { name })}</MenuItem>
            {canRemove ? <MenuItem id="remove">{t("member.remove", { name })}</MenuItem> : null}
          </Menu>
        </Popover>
      </MenuTrigger>
      <ConfirmDialog
        open={confirming === "block"}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t("member.blockTitle", { name })}
        confirmLabel={t("member.blockConfirm", { name })}
        onConfirm={async () => {
          await api.block(member.userId);
          await queryClient.invalidateQueries({ queryKey: ["blocks"] });
          onDone(t("member.blocked", { name }));
        }}
      >
        <p>{t("member.blockExplain", { name })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "remove"}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t("member.removeTitle", { name })}
        confirmLabel={t("member.removeConfirm", { name })}
        onConfirm={async () => {
          await api.removeMember(conversationId, member.userId);
          await queryClient.invalidateQueries({ queryKey: ["conversation", conversationId] });
          onDone(t("member.removed", { name }));
        }}
      >
        <p>{t("member.removeExplain", { name })}</p>
      </ConfirmDialog>
    </>
  );
}
